package org.corsgen.it;

/** What a project's shared base class often is: helpers, and the API it implements. */
public abstract class GapBase implements GapApi {}
