import torch
import torch.nn as nn

class Gate(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super().__init__()
        self.W = nn.Linear(input_size, hidden_size, bias=bias)
        self.U = nn.Linear(hidden_size, hidden_size, bias=False)

class GRUCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.z = Gate(input_size, hidden_size, bias=False)
        self.r = Gate(input_size, hidden_size)
        self.n = Gate(hidden_size=hidden_size, input_size=input_size)
