import torch
import torch.nn as nn

class RNNCell(nn.Module):
    def __init__(self, input_size, hidden_size, no_bias=False):
        super().__init__()
        self.ih = nn.Linear(input_size, hidden_size, bias=not no_bias)
        self.hh = nn.Linear(hidden_size, hidden_size, bias=not no_bias)
