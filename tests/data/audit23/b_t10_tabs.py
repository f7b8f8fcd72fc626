class Cell(nn.Module):
	def __init__(self, input_size, hidden_size):
		super().__init__()
		self.w = nn.Linear(input_size, hidden_size)
		if True:
			self.v = nn.Linear(hidden_size, hidden_size)
