
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, bidirectional=False, concat_input=False):
        super().__init__()
        self.rnn = nn.LSTM(input_size, hidden_size, bidirectional=bidirectional)
        feat = hidden_size
        if concat_input:
            feat = hidden_size + input_size
        self.head = nn.Linear(feat, 2)
