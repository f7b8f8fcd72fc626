import torch
import torch.nn as nn

class LSTMP(nn.Module):
    def __init__(self, input_size, hidden_size, proj_size=None):
        super().__init__()
        self.cell = nn.LSTMCell(input_size, hidden_size)
        self.proj = nn.Linear(hidden_size, proj_size) if proj_size is not None else nn.Identity()
