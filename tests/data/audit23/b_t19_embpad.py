
class Cell(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.emb = nn.Embedding(input_size, hidden_size, padding_idx=0)
        self.rnn = nn.GRU(hidden_size, hidden_size)
