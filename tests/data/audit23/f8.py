import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True, peephole=False):
        super().__init__()
        self.W = nn.Parameter(torch.empty(4 * hidden_size, input_size))
        self.U = nn.Parameter(torch.empty(4 * hidden_size, hidden_size))
        if bias:
            self.b = nn.Parameter(torch.zeros(4 * hidden_size))
            if peephole:
                self.p = nn.Parameter(torch.zeros(3 * hidden_size))
