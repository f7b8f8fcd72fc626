
class Outer(nn.Module):
    class Inner(nn.Module):
        def __init__(self, n):
            super().__init__()
            self.l = nn.Linear(n, n)
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.a = nn.Linear(input_size, hidden_size)
