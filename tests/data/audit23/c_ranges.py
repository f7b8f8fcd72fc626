import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super(LSTMCell, self).__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.weight_ih = nn.Parameter(torch.Tensor(4 * hidden_size, input_size))
        self.weight_hh = nn.Parameter(torch.Tensor(hidden_size * 4, hidden_size))
        self.bias_ih = nn.Parameter(torch.zeros((self.hidden_size * 4, )))
        self.bias_hh = nn.Parameter(nn.init.uniform_(torch.empty(4 * self.hidden_size)))
        self.norm = nn.LayerNorm(self.hidden_size)
