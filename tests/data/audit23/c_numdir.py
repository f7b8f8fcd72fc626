import torch
import torch.nn as nn

class Tagger(nn.Module):
    def __init__(self, input_size, hidden_size, output_size, bidirectional=True):
        super().__init__()
        num_directions = 2 if bidirectional else 1
        self.rnn = nn.GRU(input_size, hidden_size, bidirectional=bidirectional)
        self.fc = nn.Linear(hidden_size * num_directions, output_size)
