# Databricks notebook source
# MAGIC %md
# MAGIC # Readmission review (SYNTHETIC)
# MAGIC Every name, number and date in this notebook is invented for trying phisafe:
# MAGIC run `phisafe lint examples` from the repository root and see what it reports.

# COMMAND ----------

# DBTITLE 1,Chart review for patient Maria Garcia
# Follow-up for patient Maria Garcia (MRN 40017325), DOB 1957-03-14, called back on (617) 555-0143.
encounters = spark.table("clinical.encounters")

# COMMAND ----------

readmits = spark.sql("SELECT encounter_id, admit_date FROM clinical.encounters WHERE mrn = '40017325'")
display(readmits)

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT patient_id, admit_date
# MAGIC FROM clinical.patients
# MAGIC WHERE ssn = '321-54-9876'
