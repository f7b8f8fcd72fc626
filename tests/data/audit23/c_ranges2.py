import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super(LSTMCell, self).__init__()
        self.weight_ih = nn.Parameter(torch.Tensor(4 * hidden_size, input_size))
        self.weight_hh = nn.Parameter(torch.nn.init.xavier_uniform_(torch.empty(hidden_size * 4, hidden_size)))
        self.bias_ih = nn.Parameter(torch.zeros((hidden_size * 4, )))
        self.bias_hh = nn.Parameter(torch.full((4 * hidden_size,), 0.5))
        self.norm = nn.LayerNorm(hidden_size)
        self.register_buffer("mask", torch.ones(hidden_size))
        self.h0 = torch.zeros(1, hidden_size)
