package org.corsgen.it;

import org.corsgen.Cors;

/** A policy that resources of two packages inherit, each with its own media type. */
@Cors(origins = "https://app.example.com")
public abstract class SharedCorsBase {}
