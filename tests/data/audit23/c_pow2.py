import torch
import torch.nn as nn

class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Parameter(torch.randn(hidden_size, input_size ** 2))
