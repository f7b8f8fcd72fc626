import torch
import torch.nn as nn

class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.cell = nn.GRUCell(input_size, hidden_size)
        layers = [nn.Linear(hidden_size, hidden_size), nn.Tanh()]
        self.head = nn.Sequential(*layers)

    def forward(self, x, h):
        return self.head(self.cell(x, h))
