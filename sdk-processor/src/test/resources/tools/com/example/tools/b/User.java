package com.example.tools.b;

public record User(long number) {}
