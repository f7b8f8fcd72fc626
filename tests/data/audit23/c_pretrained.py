import torch
import torch.nn as nn

class Classifier(nn.Module):
    def __init__(self, embeddings, hidden_size, output_size):
        super().__init__()
        self.embed = nn.Embedding.from_pretrained(embeddings)
        self.rnn = nn.GRU(embeddings.size(1), hidden_size)
        self.fc = nn.Linear(hidden_size, output_size)
