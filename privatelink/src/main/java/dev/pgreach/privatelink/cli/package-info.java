/**
 * The {@code pgreach} command line: {@code check}, {@code resolve}, {@code validate}, {@code
 * expose}, {@code compare} and {@code sample}, over an estate read from Azure Resource Manager JSON
 * and a companion document by {@link dev.pgreach.privatelink.arm.ArmImport}.
 *
 * <p>{@link dev.pgreach.privatelink.cli.Cli#run(String[], java.io.PrintStream,
 * java.io.PrintStream)} parses the arguments strictly (an unknown or repeated option is a usage
 * error), reads the input, asks the question of {@link dev.pgreach.privatelink.Connectivity} or
 * {@link dev.pgreach.privatelink.EstateValidation}, writes the answer as text or JSON, and returns
 * an {@link dev.pgreach.privatelink.cli.ExitStatus}. Errors in the input are printed as one line
 * naming the JSON path and the value, never as a stack trace; input files are read through a
 * bounded stream, as UTF-8.
 *
 * <p>Left out: anything that talks to Azure (the command line reads files only), interactive use,
 * and configuration files; the arguments are the whole question.
 *
 * <p>This package needs Jackson ({@code com.fasterxml.jackson.core:jackson-databind}), an optional
 * dependency of pgreach-privatelink.
 */
@dev.pgreach.core.PgreachStyle
package dev.pgreach.privatelink.cli;
