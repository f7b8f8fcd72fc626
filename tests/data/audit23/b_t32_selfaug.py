
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, bidirectional=True):
        super().__init__()
        self.out_dim = hidden_size
        self.rnn = nn.LSTM(input_size, hidden_size, bidirectional=bidirectional)
        self.out_dim *= 2
        self.fc = nn.Linear(self.out_dim, 1)
