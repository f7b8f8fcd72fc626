import torch
import torch.nn as nn

class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ih = nn.Linear(input_size, 4 * hidden_size, False)
        self.hh = nn.Bilinear(hidden_size, input_size, hidden_size)
        self.ln = nn.LayerNorm(4 * hidden_size, 1e-5, False)
        self.gn = nn.GroupNorm(4, 4 * hidden_size)
        self.bn = nn.BatchNorm1d(hidden_size, affine=False)
        self.lstm = nn.LSTM(input_size, hidden_size, 3, False, True, 0.0, True)
        self.rnn = nn.RNN(input_size, hidden_size, nonlinearity="relu", bias=False)
