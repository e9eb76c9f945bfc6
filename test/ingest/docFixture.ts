/**
 * A minimal legacy Word 97-2003 file (.doc), written byte by byte: an OLE2
 * compound file (512-byte sectors, one FAT sector, one directory sector)
 * holding a `WordDocument` stream that starts with a FIB and a `1Table`
 * stream with the piece table (CLX) that points at the text, stored as
 * UTF-16. Each stream is padded to 4096 bytes so that it lives in regular
 * sectors (no mini stream). Paragraphs end with "\r" as in Word.
 */
const SECTOR = 512
const STREAM_BYTES = 4096
const END_OF_CHAIN = 0xfffffffe
const FREE = 0xffffffff
const FAT_SECTOR = 0xfffffffd
const NO_STREAM = 0xffffffff

const wordDocumentStream = (text: string): Buffer => {
  const stream = Buffer.alloc(STREAM_BYTES)
  stream.writeUInt16LE(0xa5ec, 0) // wIdent
  stream.writeUInt16LE(0x00c1, 2) // nFib (Word 97)
  stream.writeUInt16LE(0x0200, 0x0a) // fWhichTblStm: the table is 1Table
  stream.writeUInt32LE(0x0800, 0x18) // fcMin
  stream.writeUInt32LE(text.length, 0x4c) // ccpText
  stream.writeUInt32LE(0, 0x1a2) // fcClx in 1Table
  stream.writeUInt32LE(21, 0x1a6) // lcbClx
  stream.write(text, 0x800, "utf16le")
  return stream
}

const tableStream = (characters: number): Buffer => {
  const stream = Buffer.alloc(STREAM_BYTES)
  stream.writeUInt8(2, 0) // Pcdt
  stream.writeUInt32LE(16, 1) // PlcPcd: 2 CPs + 1 PCD
  stream.writeUInt32LE(0, 5)
  stream.writeUInt32LE(characters, 9)
  stream.writeUInt16LE(0, 13) // PCD flags
  stream.writeUInt32LE(0x800, 15) // fc: UTF-16 text at 0x800 of WordDocument
  stream.writeUInt16LE(0, 19) // prm
  return stream
}

const directoryEntry = (name: string, type: number, child: number, right: number, start: number, size: number): Buffer => {
  const entry = Buffer.alloc(128)
  entry.write(name, 0, "utf16le")
  entry.writeUInt16LE((name.length + 1) * 2, 64)
  entry.writeUInt8(type, 66)
  entry.writeUInt8(1, 67) // black
  entry.writeUInt32LE(NO_STREAM, 68) // left
  entry.writeUInt32LE(right, 72)
  entry.writeUInt32LE(child, 76)
  entry.writeUInt32LE(start, 116)
  entry.writeUInt32LE(size, 120)
  return entry
}

/** A .doc whose body holds `paragraphs`. */
export const makeDoc = (paragraphs: readonly string[]): Uint8Array => {
  const text = paragraphs.map((paragraph) => `${paragraph}\r`).join("")
  const streams = [wordDocumentStream(text), tableStream(text.length)]
  const sectorsPerStream = STREAM_BYTES / SECTOR
  const header = Buffer.alloc(SECTOR)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0)
  header.writeUInt16LE(0x003e, 24) // minor version
  header.writeUInt16LE(0x0003, 26) // major version 3
  header.writeUInt16LE(0xfffe, 28) // byte order
  header.writeUInt16LE(9, 30) // sector shift: 512
  header.writeUInt16LE(6, 32) // mini sector shift: 64
  header.writeUInt32LE(1, 44) // FAT sectors
  header.writeUInt32LE(1, 48) // first directory sector
  header.writeUInt32LE(4096, 56) // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60) // no mini FAT
  header.writeUInt32LE(0, 64)
  header.writeUInt32LE(END_OF_CHAIN, 68) // no DIFAT sectors
  header.writeUInt32LE(0, 72)
  header.writeUInt32LE(0, 76) // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4)

  const fat = Buffer.alloc(SECTOR, 0xff)
  fat.writeUInt32LE(FAT_SECTOR, 0)
  fat.writeUInt32LE(END_OF_CHAIN, 4) // directory
  let sector = 2
  const starts: number[] = []
  for (let s = 0; s < streams.length; s++) {
    starts.push(sector)
    for (let k = 0; k < sectorsPerStream; k++, sector++) fat.writeUInt32LE(k === sectorsPerStream - 1 ? END_OF_CHAIN : sector + 1, sector * 4)
  }
  const directory = Buffer.concat([
    directoryEntry("Root Entry", 5, 1, NO_STREAM, END_OF_CHAIN, 0),
    directoryEntry("WordDocument", 2, NO_STREAM, 2, starts[0]!, STREAM_BYTES),
    directoryEntry("1Table", 2, NO_STREAM, NO_STREAM, starts[1]!, STREAM_BYTES),
    Buffer.alloc(128),
  ])
  return new Uint8Array(Buffer.concat([header, fat, directory, ...streams]))
}
