import torch
import torch.nn as nn

class Encoder(nn.Module):
    def __init__(self, input_size, hidden_size, **kwargs):
        super().__init__(**kwargs)
        self.rnn = nn.LSTM(input_size, hidden_size, num_layers=2, bidirectional=True, dropout=0.1)
        self.proj = nn.Linear(2 * hidden_size, hidden_size)
