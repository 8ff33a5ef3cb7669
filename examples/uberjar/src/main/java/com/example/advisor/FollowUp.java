package com.example.advisor;

/** A task the application's own rule derives from ragft's recommendation. */
public record FollowUp(String task) {
}
