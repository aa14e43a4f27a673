package com.example.tools.a;

public record User(String login) {}
