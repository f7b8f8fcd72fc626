
class Model(nn.Module):
    def __init__(self, input_size, hidden_size, use_attention=False):
        super().__init__()
        self.rnn = nn.GRU(input_size, hidden_size, batch_first=True)
        context = 0
        if use_attention:
            context = hidden_size
        self.out = nn.Linear(hidden_size + context, input_size)
