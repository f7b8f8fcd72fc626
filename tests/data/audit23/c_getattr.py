import torch
import torch.nn as nn

class RNNModel(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, rnn_type="LSTM"):
        super().__init__()
        self.rnn = getattr(nn, rnn_type)(input_size, hidden_size)
        self.fc = nn.Linear(hidden_size, output_size)
