"""One form page and its POST: validate, one INSERT, redirect."""

from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from .models import Entry


class EntryForm(forms.ModelForm):
    class Meta:
        model = Entry
        fields = ["name", "email", "department"]


def form_page(request):
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            form.save()
            return HttpResponseRedirect("/thanks/")
    else:
        form = EntryForm()
    return render(request, "naive/form.html", {"form": form})


def thanks(request):
    return HttpResponse("Thanks")
