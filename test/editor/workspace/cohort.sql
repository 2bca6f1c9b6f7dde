-- Synthetic cohort lookup for the phisafe editor tests (values are filled in at run time).
SELECT encounter_id, admit_date, discharge_date
FROM main.clinical.encounters
WHERE ssn = '${SSN}'
  AND admit_date >= DATE '2024-01-01'
