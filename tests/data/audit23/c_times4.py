import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.weight_ih = nn.Parameter(torch.Tensor(hidden_size * 4, input_size))
        self.weight_hh = nn.Parameter(torch.Tensor(hidden_size * 4, hidden_size))
        self.bias = nn.Parameter(torch.Tensor(hidden_size * 4))
