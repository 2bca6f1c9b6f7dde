// Databricks notebook source
// SYNTHETIC example for phisafe: every identifier below is invented.

// COMMAND ----------

// Denied claim re-run for patient Linda Johnson, SSN 412-67-3021, per the appeal.
val claims = spark.table("billing.claims")

// COMMAND ----------

val appeal = spark.sql("SELECT claim_id, billed_amount FROM billing.claims WHERE mrn = '40031187'")
display(appeal)
