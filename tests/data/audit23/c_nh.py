import torch
import torch.nn as nn

class LSTMCell(nn.Module):
    def __init__(self, n_in, n_h):
        super().__init__()
        self.ih = nn.Linear(n_in, n_h * 4)
        self.hh = nn.Linear(n_h, 4 * n_h)
