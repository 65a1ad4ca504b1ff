import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib'

/**
 * A sitting's issued letters as one PDF for the post room, made of the very PDFs that were issued and
 * whose SHA-256 was stored: each letter's pages are copied as they are (their content, fonts and images,
 * and so their page numbers, "Page 1 of N" for each letter), never drawn again.
 *
 * Each letter starts on a new sheet when printed double-sided: a letter with an odd number of pages is
 * followed by a blank page, so that no family's letter is printed on the back of another's.
 *
 * What joining keeps and loses: pdf-lib copies pages but not the structure tree, so each letter's tree
 * (its Document element, headings, paragraphs and lists) is copied here with its pages and hung under one
 * Document element as a Part, titled with the letter's title; each page's marked-content keys
 * (StructParents) are renumbered into one parent tree. The batch keeps the language, the title and
 * MarkInfo, so it stays tagged and titled. It loses each letter's XMP metadata and so does not claim
 * PDF/UA conformance as the issued letters do, and each letter's own document information (its title
 * stays as its Part's). Fonts are embedded once for each letter, so a batch is larger than one document
 * drawn whole would be. The blank pages are left out of the structure, having no content.
 */
export async function joinIssuedLetters(
  title: string,
  letters: readonly Uint8Array[],
  progress: (done: number) => Promise<void>,
): Promise<Buffer> {
  const batch = await PDFDocument.create({ updateMetadata: false })
  batch.setTitle(title, { showInWindowTitleBar: true })
  batch.setLanguage('en-GB')
  const context = batch.context
  batch.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }))

  const rootRef = context.nextRef()
  const documentRef = context.nextRef()
  const parts: PDFRef[] = []
  const nums: PDFObject[] = []
  let nextKey = 0

  for (const [i, bytes] of letters.entries()) {
    const letter = await PDFDocument.load(bytes, { updateMetadata: false })
    // The council that wrote the letters wrote the batch.
    const author = letter.getAuthor()
    if (i === 0 && author) batch.setAuthor(author)
    // One copier for the pages and the tree, so that the tree's page references meet the copied pages.
    const copier = PDFObjectCopier.for(letter.context, context)
    const offset = nextKey
    let lastPage: PDFPage | undefined
    for (const page of letter.getPages()) {
      const ref = copier.copy(page.ref)
      const leaf = context.lookup(ref)
      if (!(leaf instanceof PDFPageLeaf)) throw new Error('A letter’s page could not be copied')
      nextKey = Math.max(nextKey, renumber(leaf, offset) + 1)
      lastPage = PDFPage.of(leaf, ref, batch)
      batch.addPage(lastPage)
    }
    const tree = copiedTree(letter, copier, context)
    if (tree) {
      for (let n = 0; n + 1 < tree.nums.length; n += 2) {
        const key = tree.nums[n]
        if (key instanceof PDFNumber) nums.push(PDFNumber.of(key.asNumber() + offset), tree.nums[n + 1]!)
      }
      for (const element of tree.elements) {
        const part = context.lookup(element, PDFDict)
        part.set(PDFName.of('S'), PDFName.of('Part'))
        part.set(PDFName.of('P'), documentRef)
        const title = letter.getTitle()
        if (title) part.set(PDFName.of('T'), PDFString.of(title))
        parts.push(element)
      }
      nextKey = Math.max(nextKey, offset + tree.nextKey)
    }
    if (letter.getPageCount() % 2 === 1 && lastPage)
      batch.addPage([lastPage.getWidth(), lastPage.getHeight()])
    await progress(i + 1)
  }

  context.assign(
    documentRef,
    context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: parts, T: PDFString.of(title) }),
  )
  context.assign(
    rootRef,
    context.obj({
      Type: 'StructTreeRoot',
      K: [documentRef],
      ParentTree: context.obj({ Nums: nums }),
      ParentTreeNextKey: nextKey,
    }),
  )
  batch.catalog.set(PDFName.of('StructTreeRoot'), rootRef)
  return Buffer.from(await batch.save({ useObjectStreams: false }))
}

/** Moves the page's keys into the parent tree, and those of its annotations; gives the page's new key. */
function renumber(page: PDFPageLeaf, offset: number): number {
  let highest = -1
  const shift = (dict: PDFDict, key: string) => {
    const value = dict.get(PDFName.of(key))
    if (value instanceof PDFNumber) {
      dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset))
      highest = Math.max(highest, value.asNumber() + offset)
    }
  }
  shift(page, 'StructParents')
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray)
  for (let i = 0; annots && i < annots.size(); i++) {
    const annot = annots.lookupMaybe(i, PDFDict)
    if (annot) shift(annot, 'StructParent')
  }
  return highest
}

/**
 * The letter's structure tree as copied into the batch: its top elements, its parent tree's entries
 * flattened from any kids, and its next key. The copied root itself is dropped, being replaced.
 */
function copiedTree(
  letter: PDFDocument,
  copier: PDFObjectCopier,
  context: PDFContext,
): { elements: PDFRef[]; nums: PDFObject[]; nextKey: number } | undefined {
  const sourceRoot = letter.catalog.get(PDFName.of('StructTreeRoot'))
  if (!(sourceRoot instanceof PDFRef)) return undefined
  const rootRef = copier.copy(sourceRoot)
  const root = context.lookup(rootRef, PDFDict)
  const kids = root.lookup(PDFName.of('K'))
  const elements: PDFRef[] = []
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.get(i)
      if (kid instanceof PDFRef) elements.push(kid)
    }
  } else if (root.get(PDFName.of('K')) instanceof PDFRef) {
    elements.push(root.get(PDFName.of('K')) as PDFRef)
  }
  const nums: PDFObject[] = []
  const collect = (node: PDFDict | undefined) => {
    if (!node) return
    const own = node.lookupMaybe(PDFName.of('Nums'), PDFArray)
    for (let i = 0; own && i < own.size(); i++) nums.push(own.get(i))
    const children = node.lookupMaybe(PDFName.of('Kids'), PDFArray)
    for (let i = 0; children && i < children.size(); i++) collect(children.lookupMaybe(i, PDFDict))
  }
  const parentTree = root.get(PDFName.of('ParentTree'))
  collect(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict))
  const next = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)
  context.delete(rootRef)
  if (parentTree instanceof PDFRef) context.delete(parentTree)
  return { elements, nums, nextKey: next?.asNumber() ?? 0 }
}
