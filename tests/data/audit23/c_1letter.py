import torch
import torch.nn as nn

class GRUCell(nn.Module):
    def __init__(self, i, h):
        super().__init__()
        self.W = nn.Parameter(torch.randn(3 * h, i))
        self.U = nn.Parameter(torch.randn(h * 3, h))
        self.b = nn.Parameter(torch.zeros(3 * h))
