
class Head(nn.Module):
    def __init__(self, body, n):
        super().__init__()
        self.body = body
        self.fc = nn.Linear(n, n)
class Model(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.head = Head(body=nn.Sequential(nn.Linear(input_size, hidden_size), nn.Tanh()), n=hidden_size)
