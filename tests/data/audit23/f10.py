import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Parameter(torch.randn(4 * hidden_size, input_size) * 0.1)
        self.U = nn.Parameter(torch.randn(4 * hidden_size, hidden_size) * 0.1)
        # forget-gate bias starts at one
        self.b = nn.Parameter(torch.cat([torch.zeros(hidden_size), torch.ones(hidden_size), torch.zeros(2 * hidden_size)]))
