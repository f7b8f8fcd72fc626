import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    n_gates = 4
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ih = nn.Linear(input_size, self.n_gates * hidden_size)
        self.hh = nn.Linear(hidden_size, self.n_gates * hidden_size)
