import torch
import torch.nn as nn

class RNNCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ih = nn.utils.weight_norm(nn.Linear(input_size, hidden_size))
        self.hh = nn.Linear(hidden_size, hidden_size)
