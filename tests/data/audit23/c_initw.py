import torch
import torch.nn as nn

class RNNCell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.W = nn.Parameter(torch.empty(hidden_size, input_size))
        self.U = nn.Parameter(torch.empty(hidden_size, hidden_size))
        self.init_weights()

    def init_weights(self):
        nn.init.xavier_uniform_(self.W)
        nn.init.orthogonal_(self.U)
        self.b = nn.Parameter(torch.zeros(self.U.shape[0]))
