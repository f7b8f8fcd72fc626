
class Decoder(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        rnn_input = input_size
        rnn_input += hidden_size  # input feeding: the previous attentional vector
        self.cell = nn.LSTMCell(rnn_input, hidden_size)
