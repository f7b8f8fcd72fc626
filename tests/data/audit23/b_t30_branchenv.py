
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, bidirectional=False):
        super().__init__()
        self.rnn = nn.GRU(input_size, hidden_size, batch_first=True, bidirectional=bidirectional)
        out_features = hidden_size
        if bidirectional:
            out_features = 2 * hidden_size
        self.fc = nn.Linear(out_features, 3)
