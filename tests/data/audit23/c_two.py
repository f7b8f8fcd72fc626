import torch
import torch.nn as nn

class MyLSTMCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ih = nn.Linear(input_size, 4 * hidden_size)
        self.hh = nn.Linear(hidden_size, 4 * hidden_size)

class Model(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()
        self.cells = nn.ModuleList([MyLSTMCell(input_size, hidden_size), MyLSTMCell(hidden_size, hidden_size)])
        self.out = nn.Linear(hidden_size, output_size)
