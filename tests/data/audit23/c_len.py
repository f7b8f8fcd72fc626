import torch
import torch.nn as nn

vocab = list("abcdefghijk")
class CharRNN(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.embed = nn.Embedding(len(vocab), hidden_size)
        self.rnn = nn.RNNCell(hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, len(vocab))
