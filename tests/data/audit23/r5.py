import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ih, self.hh = nn.Linear(input_size, 4 * hidden_size), nn.Linear(hidden_size, 4 * hidden_size)

    def forward(self, x, state):
        h, c = state
        gates = self.ih(x) + self.hh(h)
        return gates
