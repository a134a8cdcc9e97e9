package org.corsgen.it;

/** Inherits its path, methods and policy from {@link ToolsBase}. */
public class ToolsResource extends ToolsBase {}
