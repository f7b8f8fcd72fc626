import torch
import torch.nn as nn

class HashRNN(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.embed = nn.Embedding(2 ** 10, hidden_size)
        self.cell = nn.GRUCell(hidden_size, hidden_size)
