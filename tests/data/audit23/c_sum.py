import torch
import torch.nn as nn

class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Linear(input_size + hidden_size, hidden_size * 2 + 1)
        self.V = nn.Linear(2 * (input_size + hidden_size), hidden_size)
