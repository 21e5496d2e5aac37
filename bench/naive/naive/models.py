from django.db import models


class Entry(models.Model):
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    department = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
