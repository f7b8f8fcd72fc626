import torch
import torch.nn as nn

class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        shape = (hidden_size, input_size)
        self.W = nn.Parameter(torch.empty(*shape))
        self.U = nn.Parameter(torch.empty(hidden_size, hidden_size))
