import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Parameter(torch.randn(4 * hidden_size, input_size + hidden_size) * 0.01)
        self.b = nn.Parameter(torch.zeros(hidden_size).repeat(4))
