import torch
import torch.nn as nn

class Tagger(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, bidirectional=True):
        super().__init__()
        self.rnn = nn.GRU(input_size, hidden_size, bidirectional=bidirectional)
        self.fc = nn.Linear(hidden_size, output_size)
        if bidirectional:
            self.fc = nn.Linear(2 * hidden_size, output_size)
