import torch
import torch.nn as nn

class LSTMP(nn.Module):
    def __init__(self, input_size, hidden_size, out_size=None):
        super().__init__()
        out_size = out_size or hidden_size
        self.cell = nn.LSTMCell(input_size, hidden_size)
        self.proj = nn.Linear(hidden_size, out_size)
