#!/usr/bin/env cwl-runner
# Workflow that cathode-surrogate.pipeline.yaml wraps (engine.type: cwl). Not a Genesis document:
# Genesis Readiness recognises it by nothing and leaves it alone.
cwlVersion: v1.2
class: Workflow
label: CAMS training-table build and surrogate training
doc: |
  Stages the three input datasets, builds the training table and trains the CAMS surrogates.
  The container digests and Slurm resources live in the Genesis pipeline config next to it.

inputs:
  dft_relaxations: File
  scan_index: File
  sample_metadata: File
  partner_summary: File
  seed:
    type: int
    default: 20250314

outputs:
  training_table:
    type: File
    outputSource: split/training_table
  lattice_model:
    type: File
    outputSource: train_lattice/model
  strain_model:
    type: File
    outputSource: train_strain/model

steps:
  featurize_dft:
    in:
      relaxations: dft_relaxations
    out: [descriptors]
    run:
      class: CommandLineTool
      baseCommand: [cams, featurize-dft]
      inputs:
        relaxations: { type: File, inputBinding: { prefix: --in } }
      arguments: [--grid, li_fraction, --out, dft_descriptors.parquet]
      outputs:
        descriptors: { type: File, outputBinding: { glob: dft_descriptors.parquet } }

  reduce_scans:
    in:
      index: scan_index
      samples: sample_metadata
    out: [scans]
    run:
      class: CommandLineTool
      baseCommand: [cams, reduce-scans]
      inputs:
        index: { type: File, inputBinding: { prefix: --index } }
        samples: { type: File, inputBinding: { prefix: --samples } }
      arguments: [--out, scans.parquet]
      outputs:
        scans: { type: File, outputBinding: { glob: scans.parquet } }

  join:
    in:
      scans: reduce_scans/scans
      dft: featurize_dft/descriptors
      partner: partner_summary
    out: [joined]
    run:
      class: CommandLineTool
      baseCommand: [cams, join]
      inputs:
        scans: { type: File, inputBinding: { prefix: --scans } }
        dft: { type: File, inputBinding: { prefix: --dft } }
        partner: { type: File, inputBinding: { prefix: --partner } }
      arguments: [--out, joined.parquet]
      outputs:
        joined: { type: File, outputBinding: { glob: joined.parquet } }

  split:
    in:
      joined: join/joined
    out: [training_table]
    run:
      class: CommandLineTool
      baseCommand: [cams, split, --by, sample_id]
      inputs:
        joined: { type: File, inputBinding: { prefix: --in } }
      arguments: [--out, .]
      outputs:
        training_table: { type: File, outputBinding: { glob: training_table.csv } }

  train_lattice:
    in:
      table: split/training_table
      seed: seed
    out: [model]
    run:
      class: CommandLineTool
      baseCommand: [cams, train, --targets, "lattice_a,lattice_c"]
      inputs:
        table: { type: File, inputBinding: { prefix: --table } }
        seed: { type: int, inputBinding: { prefix: --seed } }
      outputs:
        model: { type: File, outputBinding: { glob: "*.pt" } }

  train_strain:
    in:
      table: split/training_table
      seed:
        default: 20250402
    out: [model]
    run:
      class: CommandLineTool
      baseCommand: [cams, train, --targets, volume_change]
      inputs:
        table: { type: File, inputBinding: { prefix: --table } }
        seed: { type: int, inputBinding: { prefix: --seed } }
      outputs:
        model: { type: File, outputBinding: { glob: "*.pt" } }
